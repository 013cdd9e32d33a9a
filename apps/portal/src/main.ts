// The portal in the browser: the shell signs in, routes by URL and loads each view on demand.
import './shell/portal-app.js';
