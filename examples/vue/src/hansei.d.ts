// Teaches vue-tsc every Hansei tag, property, attribute and event in templates.
import type {} from '@hansei/elements/vue';
