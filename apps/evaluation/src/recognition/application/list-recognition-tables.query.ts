/** Every mutual recognition table (no parameters). */
export type ListRecognitionTablesQuery = Record<string, never>;
