/** Log levels, least severe first (the sort order of the level column). */
export const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
