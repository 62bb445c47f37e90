/**
 * Actor ids of the global world: the ISO3 code where one exists (countrycode crosswalk), the COW
 * code kept on every actor. COW code histories are decided here, once, so every dataset maps a
 * code the same way:
 * - 365 is one actor, RUS: the USSR until December 1991 and Russia after (COW and SIPRI treat
 *   Russia as the USSR's continuation; so does its UN seat).
 * - 260 (German Federal Republic, 1955–1990) and 255 (Germany from 3 October 1990) are one actor,
 *   DEU: unified Germany continues the FRG's alliances, seat and treaties. 265 (GDR, 1954–1990)
 *   is its own actor, DDR, ending in 1990.
 * - 678 (Yemen Arab Republic, to May 1990) and 679 (Yemen, from May 1990) are one actor, YEM;
 *   680 (Yemen People's Republic, 1967–1990) is its own actor, YMD.
 * - 345 is one actor, SRB: Yugoslavia until 2006 and Serbia after (COW keeps 345 throughout).
 * - 816 is VNM (North Vietnam, then Vietnam); 817 (Republic of Vietnam, 1954–1975) is RVN.
 * - 315 Czechoslovakia (to 1992) is CSK, 316 the Czech Republic CZE; 347 Kosovo XKX; 511 Zanzibar ZAN.
 * In a year where two codes of one actor both appear (1990 for DEU and YEM), their values are
 * combined by the transform's own rule (the stronger one), never added.
 */

export interface CodeHistory {
  id: string;
  /** The name the actor goes by in the world. */
  name: string;
  aliases: string[];
  note?: string;
}

const GERMANY: CodeHistory = {
  id: 'DEU',
  name: 'Germany',
  aliases: ['German Federal Republic', 'West Germany', 'FRG'],
  note: 'COW 260 (German Federal Republic, 1955–1990) and 255 (Germany, from 1990-10-03) are one actor',
};
const YEMEN: CodeHistory = {
  id: 'YEM',
  name: 'Yemen',
  aliases: ['Yemen Arab Republic', 'North Yemen'],
  note: 'COW 678 (Yemen Arab Republic, to 1990-05) and 679 (Yemen, from 1990-05-22) are one actor',
};

export const CODE_HISTORIES: Readonly<Record<number, CodeHistory>> = Object.freeze({
  365: {
    id: 'RUS',
    name: 'Russia',
    aliases: ['USSR', 'Soviet Union'],
    note: 'COW 365: the USSR until 1991-12, Russia after; one actor, as in COW and SIPRI',
  },
  255: GERMANY,
  260: GERMANY,
  265: { id: 'DDR', name: 'German Democratic Republic', aliases: ['East Germany', 'GDR'] },
  315: { id: 'CSK', name: 'Czechoslovakia', aliases: [] },
  345: {
    id: 'SRB',
    name: 'Serbia',
    aliases: ['Yugoslavia', 'Serbia and Montenegro'],
    note: 'COW 345: Yugoslavia until 2006 (Serbia and Montenegro from 1992), Serbia after; one actor',
  },
  347: { id: 'XKX', name: 'Kosovo', aliases: [] },
  511: { id: 'ZAN', name: 'Zanzibar', aliases: [] },
  678: YEMEN,
  679: YEMEN,
  680: { id: 'YMD', name: "Yemen People's Republic", aliases: ['South Yemen'] },
  816: { id: 'VNM', name: 'Vietnam', aliases: ['North Vietnam', 'Democratic Republic of Vietnam'] },
  817: { id: 'RVN', name: 'Republic of Vietnam', aliases: ['South Vietnam'] },
});
