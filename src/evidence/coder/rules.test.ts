/**
 * The coder's general rules, each on made-up sentences (never the gold sentences): PETRARCH's
 * per-record `require_dyad` option, read from a gold file's `<Config>` tags; reported speech;
 * places that host no one; reduced relative clauses; adverbial clauses.
 */
import { describe, expect, it } from 'vitest';
import { codeTexts } from './code-texts.js';
import type { CoderOptions } from './coder.js';
import { readGold } from './gold.js';

const code = (text: string, options: Partial<CoderOptions> = {}) =>
  codeTexts([{ id: 't', text }], { date: 20190815, ...options }).events.map(
    (e) => `${e.source}>${e.target}:${e.code}`,
  );

describe('require_dyad', () => {
  it('codes a source with no target as acting on the unknown actor only when the option is off', () => {
    expect(code('Russia condemned the decision.')).toEqual([]);
    expect(code('Russia condemned the decision.', { requireDyad: false })).toEqual(['RUS>---:111']);
    // no source: still nothing
    expect(code('The decision was condemned.', { requireDyad: false })).toEqual([]);
  });

  it('reads the option in force for each gold record from the <Config> tags before it', () => {
    const xml = [
      '<Sentence id="a"><Text>One.</Text></Sentence>',
      '<!-- <Config option="require_dyad" value="false"></Config> is only a comment -->',
      '<Sentence id="b"><Text>Two.</Text></Sentence>',
      '<Config option="require_dyad" value="False"></Config>',
      '<Sentence id="c"><Text>Three.</Text></Sentence>',
      '<Config option="require_dyad" value="TRUE"></Config>',
      '<Sentence id="d"><Text>Four.</Text></Sentence>',
    ].join('\n');
    expect(readGold(xml, 'made-up.xml').map((r) => r.requireDyad)).toEqual([true, true, false, true]);
  });
});

describe('reported speech', () => {
  it('codes the reported clause with its own subject, not the statement verb', () => {
    expect(code('Moscow said that India had attacked Pakistan.')).toEqual(['IND>PAK:190']);
    expect(code('Russia said in a statement that India had attacked Pakistan.')).toEqual(['IND>PAK:190']);
    expect(code('The Kremlin said Indian troops had attacked Pakistan.')).toEqual(['INDMIL>PAK:190']);
    // a pronoun subject the coder cannot resolve: no event, and none for "said"
    expect(code('Beijing says they will attack Vietnam.')).toEqual([]);
  });

  it("aims an accusation verb at the reported clause's subject and codes no separate act", () => {
    expect(code('Russia claimed that Ukraine had attacked its troops.')).toEqual(['RUS>UKR:110']);
    expect(code('India alleged Pakistani troops attacked the border.')).toEqual(['IND>PAKMIL:110']);
  });

  it('still reads a statement verb whose object is a noun phrase', () => {
    expect(code('Russia described the attack on India.')).toEqual(['RUS>IND:190']);
  });
});

describe('a place hosts no one', () => {
  it('codes the visit but not the reverse "host" code for a place that modifies a noun or a noun\'s location', () => {
    expect(code('Putin attended the Delhi Olympics.')).toEqual(['RUSGOV>IND:042']);
    expect(code('Putin attended the games in India.')).toEqual(['RUSGOV>IND:042']);
  });

  it("keeps the host for the verb's own object or locative", () => {
    expect(code('Putin visited India on Monday.')).toEqual(['RUSGOV>IND:042', 'IND>RUSGOV:043']);
    expect(code("Putin attended India's celebrations.")).toEqual(['RUSGOV>IND:042', 'IND>RUSGOV:043']);
  });
});

describe('reduced relative clauses', () => {
  it('codes no event for a participle that modifies the noun before it', () => {
    expect(code('The Indian envoys expelled by Russia returned home.')).toEqual([]);
    expect(code('The Pakistani diplomats expelled in May were praised by India.')).not.toContainEqual(
      expect.stringMatching(/:1[67]/),
    );
  });

  it('still codes the same verb as a main verb or a passive', () => {
    expect(code('Russia expelled Indian diplomats.')).toEqual(['RUS>INDGOV:161']);
    expect(code('Indian diplomats were expelled by Russia.')).toEqual(['RUS>INDGOV:174']);
    expect(code('China criticized India and was condemned.')).toEqual(['CHN>IND:111']);
  });
});

describe('adverbial clauses', () => {
  it('does not take the subject of an "after"/"because" clause as the verb\'s object', () => {
    expect(code('Russia protested after Ukraine shelled the town.')).toEqual([]);
    expect(code('Russia protested because Ukraine shelled the town.')).toEqual([]);
  });

  it('keeps an object before the clause and a preposition that opens no clause', () => {
    expect(code('Russia criticized India after Pakistan protested.')).toEqual(['RUS>IND:111']);
    expect(code('Russia met India before the summit.')).toEqual(['RUS>IND:040']);
  });
});
