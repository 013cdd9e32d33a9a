// Teaches TypeScript every Hansei tag, property, attribute and event in React's JSX.
import type {} from '@hansei/elements/react';
