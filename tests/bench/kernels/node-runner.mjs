// Node/V8 runner for the benchmark kernels: instantiates kernels.wasm (a reactor with no imports),
// runs one kernel `runs` times timing each call with performance.now(), and prints the same line
// as the native driver: kernel=<name> arg=<n> first_ms=<t> steady_ms=<median of the second half of the runs> runs=<r>
// checksum=<hex> compile_ms=<WebAssembly.Module time>.
// Usage: node node-runner.mjs kernels.wasm <kernel> <arg> <runs>
//        node node-runner.mjs --instantiate module.wasm <iterations>
//   (instantiation timing: every import is a stub; prints compile_ms= and instantiate_median_us=)
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

if (process.argv[2] === '--instantiate') {
  const bytes = readFileSync(process.argv[3]);
  const iterations = Number(process.argv[4]);
  const c0 = performance.now();
  const module = new WebAssembly.Module(bytes);
  const compileMs = performance.now() - c0;
  const imports = {};
  for (const imp of WebAssembly.Module.imports(module)) {
    if (imp.kind !== 'function') throw new Error(`cannot stub ${imp.kind} import ${imp.module}.${imp.name}`);
    (imports[imp.module] ??= {})[imp.name] = () => { throw new Error(`stub ${imp.name} called`); };
  }
  const samples = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    new WebAssembly.Instance(module, imports);
    samples.push((performance.now() - t0) * 1000);
  }
  samples.sort((a, b) => a - b);
  console.log(`compile_ms=${compileMs.toFixed(3)} instantiate_median_us=${samples[samples.length >> 1].toFixed(2)} instantiate_p90_us=${samples[Math.floor(samples.length * 0.9)].toFixed(2)}`);
  process.exit(0);
}

const [file, kernel, argText, runsText] = process.argv.slice(2);
const bytes = readFileSync(file);
const c0 = performance.now();
const module = new WebAssembly.Module(bytes);
const compileMs = performance.now() - c0;
const instance = new WebAssembly.Instance(module, {});
instance.exports._initialize?.();
const fn = instance.exports[kernel];
if (typeof fn !== 'function') { console.error(`unknown kernel ${kernel}`); process.exit(2); }
const arg = Number(argText);
const runs = Math.max(3, Number(runsText));
const times = [];
let checksum;
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  const c = BigInt.asUintN(64, fn(arg));
  times.push(performance.now() - t0);
  if (r && c !== checksum) { console.error('checksum changed between runs'); process.exit(1); }
  checksum = c;
}
const steady = times.slice(Math.floor(runs / 2)).sort((a, b) => a - b);
console.log(`kernel=${kernel} arg=${arg} first_ms=${times[0].toFixed(3)} steady_ms=${steady[Math.floor(steady.length / 2)].toFixed(3)} runs=${runs} checksum=${checksum.toString(16).padStart(16, '0')} compile_ms=${compileMs.toFixed(3)}`);
