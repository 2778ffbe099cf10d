/** A proposal's id, `MONTH.AREA.HASH` (see rewards' proposalId): the API checks it, the web links by it. */
export const PROPOSAL_ID = /^(\d{4}-(?:0[1-9]|1[0-2]))\.([A-Za-z0-9_-]{1,32})\.([0-9a-f]{12})$/;

/** The month and area a proposal id names, or null when it is not one. */
export function parseProposalId(id: string): { month: string; within: string } | null {
  const m = PROPOSAL_ID.exec(id);
  return m ? { month: m[1], within: m[2] } : null;
}
