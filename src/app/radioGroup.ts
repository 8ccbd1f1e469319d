import type { KeyboardEvent } from 'react';

// Keyboard behaviour of a group of role="radio" buttons, as WAI-ARIA's radio group pattern has it:
// one Tab stop for the whole group (the checked button), and the arrow keys move the choice. The layer and
// head pickers' toggle buttons take the same arrow keys.

const NEXT = new Set(['ArrowRight', 'ArrowDown']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp']);

/**
 * Arrow keys move focus to the next or previous of the `choices` inside the element the handler is on, and choose it
 * (with a click); the key then goes no further, so a panel's own arrow keys (the stepper's) leave it alone.
 */
export function moveAmongChoices(event: KeyboardEvent<HTMLElement>, choices: string): void {
  const step = NEXT.has(event.key) ? 1 : PREVIOUS.has(event.key) ? -1 : 0;
  if (step === 0) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLElement>(choices)];
  const current = buttons.indexOf(document.activeElement as HTMLElement);
  if (current < 0) return;
  event.preventDefault();
  event.stopPropagation();
  const next = buttons[(current + step + buttons.length) % buttons.length];
  next.focus();
  next.click();
}

/** Put on the role="radiogroup" element. */
export function onRadioGroupKeyDown(event: KeyboardEvent<HTMLElement>): void {
  moveAmongChoices(event, '[role="radio"]');
}

/** The tabIndex of a radio button: only the checked one is reached with Tab. */
export function radioTabIndex(checked: boolean): number {
  return checked ? 0 : -1;
}
