import { boot } from './boot';

/** The task pane page's script (webpack entry `taskpane`). */
void boot();
