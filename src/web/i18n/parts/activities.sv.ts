/** Swedish texts of the activities pages. */
export const activitiesSv = {
  title: '',
};
