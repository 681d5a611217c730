// `npm start`: serves the demo pages with bare imports resolved from node_modules; no service to install.
const port = Number(process.env.PORT) || 8000;

export default {
  rootDir: '.',
  port,
  hostname: '127.0.0.1',
  nodeResolve: true,
  appIndex: undefined,
  open: false,
  watch: false,
};
