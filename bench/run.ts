// `npm run bench`: every benchmark, each printing its table. Figures are
// this machine's, always next to a baseline measured in the same run.
import { homePageBenchmark } from './home-page.bench.ts';
import { privacyBenchmark } from './privacy.bench.ts';
import { queueBenchmark } from './queue.bench.ts';
import { rulesBenchmark } from './rules.bench.ts';
import { submissionsBenchmark } from './submissions.bench.ts';

const only = process.argv[2];
const benchmarks: Record<string, () => Promise<unknown>> = {
  'home-page': homePageBenchmark,
  privacy: privacyBenchmark,
  queue: queueBenchmark,
  rules: rulesBenchmark,
  submissions: submissionsBenchmark,
};
for (const [name, run] of Object.entries(benchmarks)) {
  if (only && only !== name) continue;
  console.log(`\n## ${name}`);
  await run();
}
