/** Swedish texts of the contentEditor pages. */
export const contentEditorSv = {
  title: '',
};
