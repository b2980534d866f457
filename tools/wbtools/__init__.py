"""Tools of the workbook: exercise compiler, runner, main job, test suite, book."""
