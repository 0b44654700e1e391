/** Inputs shared by the workbench tests. */

/** The crowd table of SPEC 10's worked example, as the sample's Crowds!A3:G7 holds it. */
export const SPEC10_CROWDS = [
  { stage: "L", crowd: "Loyal", count: 200000, conversion: 0.3, aov: 400 },
  { stage: "P", crowd: "Buyers", count: 800000, conversion: 0.08, aov: 300 },
  { stage: "I", crowd: "Interested", count: 1500000, conversion: 0.05, aov: 250 },
  { stage: "A", crowd: "Aware", count: 6000000, conversion: 0.005, aov: 250 },
] as const;
