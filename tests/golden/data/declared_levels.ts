import { shared } from './shared'

// Level names are declared once; each competency lists its expectations by position.
export const operationsLadder = {
  levels: [
    { title: 'Operator', summary: 'Runs the standard procedures' },
    { title: 'Senior Operator', summary: 'Improves the procedures' },
    { title: 'Shift Lead', summary: 'Runs a shift' },
  ],
  competencies: [
    {
      title: 'Safety',
      levels: [
        { expectations: ['Follows the lock-out procedure every time'] },
        { expectations: ['Reviews near misses with the team'] },
        { expectations: ['Runs the monthly safety walk'] },
      ],
    },
    {
      title: shared.qualityTitle,
      levels: [
        { expectations: ['Records every deviation in the log'] },
        { expectations: ['Finds the cause of repeated deviations'] },
      ],
    },
  ],
}
