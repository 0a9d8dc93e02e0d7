/** English texts of the activities pages. */
import type { Messages } from '../messages.ts';

export const activitiesEn: Messages['activities'] = {
  title: '',
};
