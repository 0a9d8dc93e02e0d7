/**
 * Focus that follows what a page shows, moved in the same commit that shows it. A focus moved
 * later by a timer can land after the user has gone on to another field, and what they type next
 * then goes into the wrong one (the likely cause of a report the rounds' browser test once
 * adopted, under load, without one of its decision's fields).
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

/** A form's first field, when its disclosure button shows the form. */
export function useFocusWhenShown(target: RefObject<HTMLElement | null>, shown: boolean): void {
  const wasShown = useRef(shown);
  useLayoutEffect(() => {
    if (shown && !wasShown.current) target.current?.focus();
    wasShown.current = shown;
  }, [shown, target]);
}

/** An action's message (a live region): each new message takes focus, so it is read and the next Tab starts there. */
export function useFocusOnNewMessage(target: RefObject<HTMLElement | null>, message: object | null): void {
  useLayoutEffect(() => {
    if (message) target.current?.focus();
  }, [message, target]);
}
