/** English texts of the budgetEditor pages. */
import type { Messages } from '../messages.ts';

export const budgetEditorEn: Messages['budgetEditor'] = {
  title: '',
};
