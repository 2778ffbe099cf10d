import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '#core/schemes/scheme-definition.ts';
import { measureOf, proposalId } from './proposals.ts';
import { parseProposalId } from '#core/rewards/proposal-id.ts';

const history = (...composites: number[]) => composites.map((composite, i) => ({ month: `2019-0${i + 1}`, composite }));

describe('proposals', () => {
  it('commends at or above the threshold, and nothing between the thresholds', () => {
    expect(measureOf(history(10, 10, 90), DEFAULT_THRESHOLDS)).toBe('commendation');
    expect(measureOf(history(89.999), DEFAULT_THRESHOLDS)).toBeNull();
    expect(measureOf(history(60), DEFAULT_THRESHOLDS)).toBeNull();
  });

  it('criticises below the threshold, and interviews after three months running below it', () => {
    expect(measureOf(history(59.9), DEFAULT_THRESHOLDS)).toBe('criticism');
    expect(measureOf(history(70, 50, 50), DEFAULT_THRESHOLDS)).toBe('criticism');
    expect(measureOf(history(50, 50, 50), DEFAULT_THRESHOLDS)).toBe('interview');
    expect(measureOf(history(50, 50, 50, 61), DEFAULT_THRESHOLDS)).toBeNull();
  });

  it('takes its thresholds from the scheme', () => {
    const t = { commendation: 80, criticism: 50, interview: 55, interview_months: 2 };
    expect(measureOf(history(80), t)).toBe('commendation');
    expect(measureOf(history(54, 52), t)).toBe('interview');
    expect(measureOf(history(56, 52), t)).toBeNull();
    expect(measureOf(history(56, 49), t)).toBe('criticism');
    expect(measureOf([], t)).toBeNull();
  });

  it('gives each proposal a stable id naming its month and area', () => {
    const id = proposalId('2019-06', '510000000000', 'performance', 'area', '510100000000', 'criticism');
    expect(id).toMatch(/^2019-06\.510000000000\.[0-9a-f]{12}$/);
    expect(proposalId('2019-06', '510000000000', 'performance', 'area', '510100000000', 'criticism')).toBe(id);
    expect(proposalId('2019-06', '510000000000', 'construction', 'area', '510100000000', 'criticism')).not.toBe(id);
    expect(parseProposalId(id)).toEqual({ month: '2019-06', within: '510000000000' });
    expect(parseProposalId('2019-13.X.abcdefabcdef')).toBeNull();
    expect(parseProposalId('../../etc')).toBeNull();
  });
});
