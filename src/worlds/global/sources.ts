/** The datasets the global world is built from: file, source record and the columns its row keys use. */
import type { Source } from '../../domain/schema.js';

export interface DatasetSource extends Source {
  /** File name in data/datasets/ (read plain or as `.gz`). */
  file: string;
  /** Last year the dataset covers, as shipped (the build checks the data against it). */
  endYear?: number;
}

const dataset = (s: Omit<DatasetSource, 'kind' | 'grade'>): DatasetSource => ({
  kind: 'dataset',
  grade: 'B',
  ...s,
});

export const DATASETS = Object.freeze({
  states: dataset({
    id: 'cow-states-2016',
    file: 'cow_states_2016.csv',
    title: 'COW State System Membership',
    author: 'Correlates of War Project',
    published: '2017',
    citation: 'Correlates of War Project. 2017. State System Membership List, v2016.',
  }),
  majors: dataset({
    id: 'cow-majors-2016',
    file: 'cow_majors_2016.csv',
    title: 'COW Major Powers',
    author: 'Correlates of War Project',
    published: '2017',
    citation: 'Correlates of War Project. 2017. State System Membership List, v2016 (major powers).',
  }),
  crosswalk: dataset({
    id: 'countrycode-1.8.0',
    file: 'countrycode_crosswalk_cow_iso3.csv',
    title: 'countrycode crosswalk COW ↔ ISO3',
    author: 'Arel-Bundock, Enevoldsen & Yetman',
    published: '2018',
    citation:
      'Arel-Bundock, V., Enevoldsen, N. & Yetman, C. 2018. countrycode: An R package to convert country names and country codes. JOSS 3(28): 848. Version 1.8.0.',
  }),
  capitals: dataset({
    id: 'cow-capitals',
    file: 'cow_capitals.csv',
    title: 'COW capitals with coordinates',
    author: 'Miller',
    citation:
      'Miller, S. V. 2022. peacesciencer: An R package for quantitative peace science research. Conflict Management and Peace Science 39(6).',
  }),
  nmc: dataset({
    id: 'cow-nmc-7.0',
    file: 'cow_nmc_v7.csv',
    title: 'COW National Material Capabilities v7.0',
    author: 'Singer, Bremer & Stuckey',
    published: '2024',
    citation:
      'Singer, J. D., Bremer, S. & Stuckey, J. 1972. Capability distribution, uncertainty, and major power war, 1820–1965. In Russett (ed.), Peace, War, and Numbers. NMC v7.0.',
  }),
  atop: dataset({
    id: 'atop-5.1',
    file: 'atop_v5.1_alliance_ddy.csv',
    title: 'ATOP 5.1 directed dyad-years',
    author: 'Leeds, Ritter, Mitchell & Long',
    published: '2022',
    citation:
      'Leeds, B. A., Ritter, J. M., Mitchell, S. M. & Long, A. G. 2002. Alliance Treaty Obligations and Provisions, 1815–1944. International Interactions 28: 237–260. ATOP v5.1.',
  }),
  cowAlliance: dataset({
    id: 'cow-alliance-4.1',
    file: 'cow_alliance_v4.1_ddy.csv',
    title: 'COW Formal Alliances v4.1',
    author: 'Gibler',
    published: '2009',
    citation:
      'Gibler, D. M. 2009. International Military Alliances, 1648–2008. CQ Press. COW Formal Alliances v4.1.',
  }),
  sipri: dataset({
    id: 'sipri-tiv',
    file: 'sipri_tiv_dyad_year_1950_2021.csv',
    title: 'SIPRI Arms Transfers Database (TIV, supplier → recipient, yearly)',
    author: 'SIPRI; processed by 360info (CC BY 4.0)',
    published: '2022',
    citation:
      'Stockholm International Peace Research Institute. SIPRI Arms Transfers Database, trend-indicator values 1950–2021.',
  }),
  mid: dataset({
    id: 'cow-mid-5.0',
    file: 'cow_mid_v5_ddy.csv',
    title: 'COW Militarized Interstate Disputes 5.0, dyad-years',
    author: 'Palmer et al.',
    published: '2022',
    citation:
      'Palmer, G., McManus, R. W., D’Orazio, V., Kenwick, M. R., Karstens, M., Bloch, C., Dietrich, N., Kahn, K., Ritter, K. & Soules, M. J. 2022. The MID5 Dataset, 2011–2014. Conflict Management and Peace Science 39(4).',
  }),
  rivalries: dataset({
    id: 'td-rivalries-2011',
    file: 'td_strategic_rivalries.csv',
    title: 'Strategic rivalries',
    author: 'Thompson & Dreyer',
    published: '2011',
    citation:
      'Thompson, W. R. & Dreyer, D. R. 2011. Handbook of International Rivalries, 1494–2010. CQ Press.',
  }),
  tradeDyadic: dataset({
    id: 'cow-trade-4.0',
    file: 'cow_trade_v4_ndy.csv',
    title: 'COW Trade v4.0 (dyadic and national)',
    author: 'Barbieri & Keshk',
    published: '2016',
    citation:
      'Barbieri, K., Keshk, O. M. G. & Pollins, B. 2009. Trading Data. Conflict Management and Peace Science 26(5): 471–491. COW Trade v4.0.',
  }),
  tradeNational: dataset({
    id: 'cow-trade-4.0',
    file: 'cow_trade_v4_sy.csv',
    title: 'COW Trade v4.0 (dyadic and national)',
    author: 'Barbieri & Keshk',
    published: '2016',
  }),
  unga: dataset({
    id: 'unga-ideal-2024',
    file: 'unga_idealpoints_Jun2024.csv',
    title: 'UNGA ideal points (June 2024)',
    author: 'Bailey, Strezhnev & Voeten',
    published: '2024',
    citation:
      'Bailey, M. A., Strezhnev, A. & Voeten, E. 2017. Estimating Dynamic State Preferences from United Nations Voting Data. Journal of Conflict Resolution 61(2): 430–456.',
  }),
  contiguity: dataset({
    id: 'cow-contdir-3.2',
    file: 'cow_contdir_v3.2.csv',
    title: 'COW Direct Contiguity v3.2',
    author: 'Stinnett, Tir, Schafer, Diehl & Gochman',
    published: '2002',
    citation:
      'Stinnett, D. M., Tir, J., Schafer, P., Diehl, P. F. & Gochman, C. 2002. The Correlates of War Project Direct Contiguity Data, Version 3. Conflict Management and Peace Science 19(2): 58–66.',
  }),
  cshapes: dataset({
    id: 'cshapes-2.0',
    file: 'cshapes_mindist_ndy_1990on_le1000km.csv',
    title: 'CShapes 2.0 minimum border distances (dyad-years 1990–2019, dyads ≤ 1000 km)',
    author: 'Schvitz, Girardin, Rüegger, Weidmann, Cederman & Gleditsch',
    published: '2022',
    citation:
      'Schvitz, G., Girardin, L., Rüegger, S., Weidmann, N. B., Cederman, L.-E. & Gleditsch, K. S. 2022. Mapping the International System, 1886–2019: The CShapes 2.0 Dataset. Journal of Conflict Resolution 66(1): 144–161. The licence is not stated in the shipped data.',
  }),
});

export type DatasetKey = keyof typeof DATASETS;
