import { mergeSorted } from 'bedrock-customization-jobs';

async function* evens() {
  for (let n = 0; n <= 8; n += 2) yield n;
}

// Two sources, each already in order: one ordered merge, never a re-sort.
const merged = await mergeSorted([evens(), [1, 3, 5]], (a, b) => a - b).toArray();
console.log(merged.join(' '));
