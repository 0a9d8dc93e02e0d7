/** Swedish texts of the budgetEditor pages. */
export const budgetEditorSv = {
  title: '',
};
