const shared = require('./shared');

module.exports = [
  {
    name: 'Reliability',
    levels: {
      1: { name: 'Contributor', description: ['Adds alerts for the services the team runs'] },
      2: { name: 'Owner', description: ['Sets the service level objectives of a product'] },
    },
  },
  ...shared.competencies,
  {
    name: 'Cost awareness',
    levels: {
      1: { name: 'Contributor', description: ['Tags every resource with its owner'] },
      2: { name: 'Owner', description: [describe('budget')] },
    },
  },
];
