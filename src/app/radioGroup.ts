import type { KeyboardEvent } from 'react';

// Keyboard behaviour of a group of role="radio" buttons, as WAI-ARIA's radio group pattern has it:
// one Tab stop for the whole group (the checked button), and the arrow keys move the choice.

const NEXT = new Set(['ArrowRight', 'ArrowDown']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp']);

/** Put on the role="radiogroup" element. */
export function onRadioGroupKeyDown(event: KeyboardEvent<HTMLElement>): void {
  const step = NEXT.has(event.key) ? 1 : PREVIOUS.has(event.key) ? -1 : 0;
  if (step === 0) return;
  const radios = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="radio"]')];
  const current = radios.indexOf(document.activeElement as HTMLElement);
  if (current < 0) return;
  event.preventDefault();
  const next = radios[(current + step + radios.length) % radios.length];
  next.focus();
  next.click();
}

/** The tabIndex of a radio button: only the checked one is reached with Tab. */
export function radioTabIndex(checked: boolean): number {
  return checked ? 0 : -1;
}
