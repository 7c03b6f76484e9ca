// The growth framework of the mobile team, as the internal site imports it.
export default {
  name: 'Mobile engineering',
  topics: [
    {
      title: "Performance",
      levels: [
        { title: 'Level 1', criteria: ['Measures start-up time before and after a change',], },
        { title: 'Level 2', criteria: [`Finds the slowest screen with the profiler`] },
      ],
    },
    {
      title: "Accessibility",
      /* Added this year. */
      levels: [
        { title: 'Level 1', criteria: ["Labels every control for screen readers"] },
        { title: 'Level 2', criteria: ["Audits a release with assistive technology"] },
      ],
    },
  ],
};
