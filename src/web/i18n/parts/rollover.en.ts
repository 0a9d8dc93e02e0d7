/** English texts of the rollover pages. */
import type { Messages } from '../messages.ts';

export const rolloverEn: Messages['rollover'] = {
  title: '',
};
