/** English must have every key of the Vietnamese table, with any string as the value. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
