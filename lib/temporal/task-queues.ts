/** Task queue names, shared by the worker and every client that starts workflows. */
export const MAIN_TASK_QUEUE = 'scrm-main';
