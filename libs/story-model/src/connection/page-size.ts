/** Page size of a connection when a client gives neither `first` nor `last`. */
export const DEFAULT_PAGE_SIZE = 10;

/**
 * The largest page a client may ask for. The argument descriptions state it, so the
 * emitted schema carries it to clients (the web client checks its own copy against it).
 */
export const MAX_PAGE_SIZE = 100;
