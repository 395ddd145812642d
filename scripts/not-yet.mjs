// Placeholder for a root script whose issue has not landed yet: says so plainly and exits 0.
const name = process.argv[2] ?? 'this script';
console.log(`\`pnpm ${name}\` is not built yet. See the open issues (\`issues list\`) for the work that fills it.`);
