import type { Ladder } from './types'

export const ladder: Ladder = {
  tracks: [
    {
      name: 'Individual contributor',
      levels: [
        { name: 'IC1', competencies: { Scope: 'Delivers well-defined tasks.', Impact: 'Improves the team.' } },
        { name: 'IC2', competencies: { Scope: 'Delivers ambiguous projects.', Impact: 'Improves the department.' } },
      ],
    },
    {
      name: 'Management',
      levels: [
        { name: 'M1', competencies: { Scope: 'Leads one team.', Impact: 'Grows the people in it.' } },
      ],
    },
  ],
} as const

export function levelNames(l: Ladder): string[] {
  return l.tracks.flatMap((t) => t.levels.map((x) => x.name))
}
