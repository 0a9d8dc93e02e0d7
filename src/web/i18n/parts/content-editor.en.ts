/** English texts of the contentEditor pages. */
import type { Messages } from '../messages.ts';

export const contentEditorEn: Messages['contentEditor'] = {
  title: '',
};
