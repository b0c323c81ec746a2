/** A recap as the previous/next links name it. */
export interface RecapRef {
  day: number;
  title: string;
}

/** The recaps before and after the one of `day`, among `recaps` (any order). */
export function recapNeighbours(recaps: readonly RecapRef[], day: number): { previous?: RecapRef; next?: RecapRef } {
  let previous: RecapRef | undefined;
  let next: RecapRef | undefined;
  for (const recap of recaps) {
    if (recap.day < day && (!previous || recap.day > previous.day)) previous = recap;
    if (recap.day > day && (!next || recap.day < next.day)) next = recap;
  }
  return { previous, next };
}
