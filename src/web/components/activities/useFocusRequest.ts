/**
 * Focus that must land on an element the next render creates (a card moved to another column, the
 * edit button of a closed form): request it by selector; it is focused as soon as it exists.
 */
import { useEffect, useState } from 'react';

export function useFocusRequest(): (selector: string) => void {
  const [selector, setSelector] = useState<string | null>(null);
  useEffect(() => {
    if (!selector) return;
    const element = document.querySelector<HTMLElement>(selector);
    if (!element) return;
    element.focus();
    setSelector(null);
  });
  return setSelector;
}
