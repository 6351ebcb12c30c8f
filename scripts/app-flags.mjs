// The Node flags every app runs with, under `npm start`, in the benchmark and in production.
// The heap cap keeps each app well under 300 MB RSS: without it V8 lets the heap grow towards a
// quarter of the machine's memory between major collections. The apps keep little in memory (a
// rebuild holds a few batches of events), measured by `npm run bench` (peak RSS per app).
export const APP_NODE_FLAGS = ['--enable-source-maps', '--max-old-space-size=160'];
