/** Swedish texts of the rollover pages. */
export const rolloverSv = {
  title: '',
};
