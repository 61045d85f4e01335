// Whose data a user sees (rules p.26: by territory and subordination — their organization and the
// organizations below it). A structural unit that serves an organization — its apparatus, its
// department for control of appeals — acts for that organization: the control department controls
// review down to the district and rural akims (model provision on control departments, p.5).
export const UNITS_ACTING_FOR_PARENT = ['apparatus', 'controlDepartment'] as const;

/** Of an organization's ancestors, nearest first (itself first), the one whose subtree its staff see. */
export function scopeRoot(ancestorsNearestFirst: { id: number; kind: string }[]): number {
  const root = ancestorsNearestFirst.find((o) => !(UNITS_ACTING_FOR_PARENT as readonly string[]).includes(o.kind));
  return (root ?? ancestorsNearestFirst[0]!).id;
}
