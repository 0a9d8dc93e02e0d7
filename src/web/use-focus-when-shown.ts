/**
 * Moves focus to a form's first field when its disclosure button shows it, in the same commit that
 * shows it. A focus moved later by a timer can land after the user has gone on to another field,
 * and what they type next then goes into the wrong one (the likely cause of a report the rounds'
 * browser test once adopted, under load, without one of its decision's fields).
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

export function useFocusWhenShown(target: RefObject<HTMLElement | null>, shown: boolean): void {
  const wasShown = useRef(shown);
  useLayoutEffect(() => {
    if (shown && !wasShown.current) target.current?.focus();
    wasShown.current = shown;
  }, [shown, target]);
}
