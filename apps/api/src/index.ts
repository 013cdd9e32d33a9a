export { createApp, type AppOptions } from './http/app.js';
export { startServer, type ServerOptions, type RunningServer } from './server.js';
export { problem, problemResponse, PROBLEM_MEDIA_TYPE, type Problem } from './http/problem.js';
