#!/bin/sh
# One shard of a chaos campaign in a pod of an Indexed Job (chaos-job.yaml). The Job gives each
# pod its index in JOB_COMPLETION_INDEX (0 to SHARDS-1); it becomes --shard. Summaries and the
# failing runs' files go to the shared volume at RESULTS.
#
# A pod that is evicted or preempted gets SIGTERM: kubeprop stops starting runs, lets the running
# ones finish, writes the shard's summary and exits 130; the Job starts the index again and this
# script resumes the shard from its summary instead of starting over.
set -u
summary="$RESULTS/chaos-summary.shard-$JOB_COMPLETION_INDEX-of-$SHARDS.json"
if [ -f "$summary" ]; then
  set -- --resume "$summary"
else
  set -- --runs "$RUNS" --seed "$SEED" --shard "$JOB_COMPLETION_INDEX/$SHARDS"
fi
${KUBEPROP:-npx kubeprop} chaos "$@" --workers "$WORKERS" --duration "$DURATION" --report "$RESULTS"
code=$?
# 1: a run failed. That is the campaign's finding, kept in the summary for the merge step, not a
# reason for the Job to run the (deterministic) shard again.
[ "$code" -eq 1 ] && exit 0
exit "$code"
