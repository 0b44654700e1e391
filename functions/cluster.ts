/* CLUSTER custom function: thin wrapper; the logic is in src/models/cluster.ts. */
import { spill } from "./shape";
import { clusterExcel } from "../src/models/cluster";

/**
 * Re-clusters fine consumer segments into k strategy crowds: standardises each feature (population sd), applies the weights, and runs Ward's clustering with each segment weighing its size (SciPy's linkage(method="ward") convention). Returns each segment's cluster, the merge tree, or a profile of each cluster.
 * @customfunction CLUSTER
 * @param profiles One row per segment, one numeric column per feature; an optional first row of feature names.
 * @param k Number of clusters, a whole number from 1 to the number of segments.
 * @param [weights] Weight of each feature (one row or column, one per feature, each ≥ 0); default 1.
 * @param [sizes] Consumers in each segment (one per row of profiles, each > 0); default 1.
 * @param [output] "labels" (default): the cluster 1…k of each segment; "tree": every merge [a, b, distance, segments]; "profile": one row per cluster [cluster, segments, size, size-weighted mean of each feature].
 * @param [with_headers] TRUE adds a row of column names above the result.
 * @returns Cluster labels, the merge tree or the cluster profiles.
 */
export function cluster(profiles: any[][], k: any, weights?: any[][], sizes?: any[][], output?: any, with_headers?: any): any[][] {
  return spill(() => clusterExcel(profiles, k, weights, sizes, output, with_headers)) as any[][];
}
