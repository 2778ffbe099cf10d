import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Figures } from '#core/assessment/figures.ts';
import { addFigures, emptyFigures } from '#core/assessment/figures.ts';
import { type AreaNode, indexChildren, rollup } from './rollup.ts';
import type { Scheme } from '#core/assessment/scheme.ts';

const scheme: Scheme = {
  name: 'performance',
  indicators: [
    { name: 'a', better: 'higher', floor: 0, target: 1, weight: 1, scale: 1 },
    {
      name: 'b',
      better: 'lower',
      floor: 5,
      target: 1,
      weight: 1,
      scale: 10000,
    },
  ],
};

const fig = (an: number, ad: number, bn = 0, bd = 0): Figures => ({
  a: { numerator: an, denominator: ad },
  b: { numerator: bn, denominator: bd },
});
const node = (code: string, parent_code: string | null = null): AreaNode => ({
  code,
  parent_code,
});

describe('figures', () => {
  it('starts every indicator of a scheme at zero', () => {
    expect(emptyFigures(scheme)).toEqual(fig(0, 0, 0, 0));
  });

  it('adds indicator by indicator, a missing one counting as zero, without touching the inputs', () => {
    const x = fig(1, 2, 3, 4);
    const y = {
      a: { numerator: 10, denominator: 20 },
      c: { numerator: 5, denominator: 6 },
    };
    expect(addFigures(x, y)).toEqual({
      ...fig(11, 22, 3, 4),
      c: { numerator: 5, denominator: 6 },
    });
    expect(x).toEqual(fig(1, 2, 3, 4));
  });
});

describe('children index', () => {
  it('lists direct children in input order, roots, and nothing for leaves or unknown codes', () => {
    const idx = indexChildren([node('P'), node('C2', 'P'), node('C1', 'P'), node('T', 'C1'), node('X', 'missing')]);
    expect(idx.childrenOf('P')).toEqual(['C2', 'C1']);
    expect(idx.childrenOf('C1')).toEqual(['T']);
    expect(idx.childrenOf('T')).toEqual([]);
    expect(idx.childrenOf('nowhere')).toEqual([]);
    expect(idx.roots).toEqual(['P', 'X']);
  });

  it('refuses a code that appears twice', () => {
    expect(() => indexChildren([node('P'), node('P')])).toThrow(/P appears twice/);
  });
});

describe('rollup', () => {
  it('sums a city with townships directly under it beside a city with counties (skipped levels)', () => {
    const nodes = [
      node('prov'),
      node('cityA', 'prov'),
      node('townA1', 'cityA'),
      node('townA2', 'cityA'),
      node('vilA1', 'townA1'),
      node('cityB', 'prov'),
      node('countyB', 'cityB'),
      node('townB', 'countyB'),
      node('vilB', 'townB'),
    ];
    const own = new Map([
      ['vilA1', fig(1, 2)],
      ['townA2', fig(3, 4)],
      ['vilB', fig(5, 6, 1, 100)],
    ]);
    const t = rollup(nodes, own, scheme);
    expect(t.get('townA1')).toEqual(fig(1, 2));
    expect(t.get('cityA')).toEqual(fig(4, 6));
    expect(t.get('countyB')).toEqual(fig(5, 6, 1, 100));
    expect(t.get('prov')).toEqual(fig(9, 12, 1, 100));
  });

  it('adds what is placed at an inner node itself to its children', () => {
    const nodes = [node('city'), node('county', 'city'), node('town', 'county')];
    const own = new Map([
      ['city', fig(1, 1)],
      ['county', fig(10, 10, 2, 0)],
      ['town', fig(100, 100)],
    ]);
    const t = rollup(nodes, own, scheme);
    expect(t.get('town')).toEqual(fig(100, 100));
    expect(t.get('county')).toEqual(fig(110, 110, 2, 0));
    expect(t.get('city')).toEqual(fig(111, 111, 2, 0));
  });

  it('counts nodes and indicators missing from own as zero, ignores other indicators, keeps raw numerators', () => {
    const nodes = [node('P'), node('C1', 'P'), node('C2', 'P')];
    const own = new Map<string, Figures>([
      [
        'C1',
        {
          b: { numerator: 3, denominator: 7 },
          stray: { numerator: 9, denominator: 9 },
        },
      ],
    ]);
    const t = rollup(nodes, own, scheme);
    expect(t.get('C2')).toEqual(fig(0, 0));
    expect(t.get('P')).toEqual(fig(0, 0, 3, 7));
    expect(own.get('C1')).toEqual({
      b: { numerator: 3, denominator: 7 },
      stray: { numerator: 9, denominator: 9 },
    });
  });

  it('does not depend on parents coming before children in the input', () => {
    const nodes = [node('T', 'C'), node('C', 'P'), node('P')];
    expect(rollup(nodes, new Map([['T', fig(1, 1)]]), scheme).get('P')).toEqual(fig(1, 1));
  });

  it('rolls up a subtree whose parent is not among the nodes', () => {
    const t = rollup([node('C', 'outside'), node('T', 'C')], new Map([['T', fig(2, 3)]]), scheme);
    expect(t.get('C')).toEqual(fig(2, 3));
    expect(t.has('outside')).toBe(false);
  });

  it('refuses a cycle of parent codes', () => {
    expect(() => rollup([node('P'), node('A', 'B'), node('B', 'A')], new Map(), scheme)).toThrow(/cycle/);
  });

  it('handles a chain far deeper than the call stack', () => {
    const depth = 200_000;
    const nodes = Array.from({ length: depth }, (_, i) => node(`n${i}`, i === 0 ? null : `n${i - 1}`));
    const t = rollup(nodes, new Map([[`n${depth - 1}`, fig(1, 2)]]), scheme);
    expect(t.get('n0')).toEqual(fig(1, 2));
  });

  it('rolls up a province-sized tree (665,000 nodes, depth 5) in linear time', () => {
    const nodes: AreaNode[] = [node('p')];
    const own = new Map<string, Figures>();
    // 1 + 15 + 15*9 + 135*12 + 1620*409 = 664,351 nodes, depth 5
    for (let c = 0; c < 15; c++) {
      nodes.push(node(`c${c}`, 'p'));
      for (let k = 0; k < 9; k++) {
        const county = `c${c}k${k}`;
        nodes.push(node(county, `c${c}`));
        for (let t = 0; t < 12; t++) {
          const town = `${county}t${t}`;
          nodes.push(node(town, county));
          for (let v = 0; v < 409; v++) {
            const village = `${town}v${v}`;
            nodes.push(node(village, town));
            own.set(village, fig(1, 2, 0, 10));
          }
        }
      }
    }
    expect(nodes.length).toBeGreaterThan(660_000);
    const started = performance.now();
    const t = rollup(nodes, own, scheme);
    const elapsed = performance.now() - started;
    const villages = own.size;
    expect(t.get('p')).toEqual(fig(villages, 2 * villages, 0, 10 * villages));
    expect(t.size).toBe(nodes.length);
    expect(elapsed).toBeLessThan(10_000);
  });

  it("gives every node its own figures plus its children's totals (property)", () => {
    fc.assert(
      fc.property(arbTree(), ({ nodes, own }) => {
        const t = rollup(nodes, own, scheme);
        const idx = indexChildren(nodes);
        expect(t.size).toBe(nodes.length);
        for (const n of nodes) {
          let want = addFigures(emptyFigures(scheme), own.get(n.code) ?? {});
          for (const child of idx.childrenOf(n.code)) want = addFigures(want, t.get(child) as Figures);
          expect(t.get(n.code)).toEqual(want);
        }
      }),
    );
  });

  it('gives every node the sum of own figures over its subtree (property, against a naive walk up)', () => {
    fc.assert(
      fc.property(arbTree(), ({ nodes, own }) => {
        const parent = new Map(nodes.map((n) => [n.code, n.parent_code]));
        const want = new Map(nodes.map((n) => [n.code, emptyFigures(scheme)]));
        for (const [code, f] of own) {
          for (let at: string | null = code; at !== null; at = parent.get(at) ?? null) {
            want.set(at, addFigures(want.get(at) as Figures, f));
          }
        }
        expect(rollup(nodes, own, scheme)).toEqual(want);
      }),
    );
  });
});

/** A random forest in random input order, with own figures (integers, so sums are exact) on some nodes. */
function arbTree(): fc.Arbitrary<{
  nodes: AreaNode[];
  own: Map<string, Figures>;
}> {
  const arbFig = fc.record({
    an: fc.nat(1000),
    ad: fc.nat(1000),
    bn: fc.nat(50),
    bd: fc.nat(100_000),
  });
  return fc
    .array(fc.record({ root: fc.boolean(), pick: fc.nat(), own: fc.option(arbFig) }), {
      minLength: 1,
      maxLength: 60,
    })
    .chain((specs) => {
      const nodes = specs.map((s, i) => node(`A-${i}`, i === 0 || (s.root && i % 7 === 0) ? null : `A-${s.pick % i}`));
      const own = new Map<string, Figures>();
      specs.forEach((s, i) => {
        if (s.own !== null) own.set(`A-${i}`, fig(s.own.an, s.own.ad, s.own.bn, s.own.bd));
      });
      return fc
        .shuffledSubarray(nodes, {
          minLength: nodes.length,
          maxLength: nodes.length,
        })
        .map((shuffled) => ({ nodes: shuffled, own }));
    });
}
