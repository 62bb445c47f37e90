/**
 * COW State System Membership (v2016; Correlates of War Project 2017): one row per spell of
 * membership, so a state that left and re-entered the system (Germany 255) has two.
 */
import { readTable } from './table.js';

export const COW_STATES_FILE = 'cow_states_2016.csv';

export interface StateSpell {
  ccode: number;
  abb: string;
  name: string;
  from: number;
  to: number;
  line: number;
}

/**
 * @example
 * readCowStates('"stateabb","ccode","statenme","styear","endyear"\n"USA",2,"United States of America",1816,2016\n')[0]!.abb; // 'USA'
 */
export function readCowStates(text: string, file = COW_STATES_FILE): StateSpell[] {
  return readTable(text, { file, columns: ['stateabb', 'ccode', 'statenme', 'styear', 'endyear'] }).map(
    (r) => ({
      ccode: r.num('ccode'),
      abb: r.text('stateabb'),
      name: r.text('statenme'),
      from: r.num('styear'),
      to: r.num('endyear'),
      line: r.line,
    }),
  );
}
