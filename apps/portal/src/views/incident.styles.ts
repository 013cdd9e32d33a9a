import { css } from 'lit';

export const incidentStyles = css`
  .crumbs {
    margin: 0 0 0.25rem;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
  }
  .facts .badge {
    white-space: normal;
    overflow-wrap: anywhere;
  }
  .sev {
    border-color: var(--_hansei-status-major);
  }
  .times {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
    gap: 0.5rem 1rem;
    margin: 1rem 0;
  }
  .times dt {
    font-size: 0.85em;
    color: var(--_muted);
  }
  .times dd {
    margin: 0;
  }
  .postmortem {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }
  .grid {
    display: grid;
    gap: 1rem 2rem;
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
  }
  @media (max-width: 60rem) {
    .grid {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;
