// A short sample article written for this project. The people, cities' officials and events are
// invented; it exercises quotes with several attribution patterns, relative and absolute dates and places.
export const SAMPLE_ARTICLE = `Coastal cities agree to share flood warnings
LISBON, March 4, 2025 — Mayors from six coastal cities signed an agreement on Tuesday to share flood warnings within minutes rather than hours.

“We cannot wait for the water to reach our doors,” said Maria Santos, the mayor of Lisbon. “Every minute counts.”

The agreement, drafted in Rotterdam last week, links sensor networks from Portugal to the Netherlands and Denmark. Officials in Copenhagen said the first shared alerts would go out on April 1.

Henrik Larsen, a hydrologist at the University of Copenhagen, welcomed the plan. “It is the first time cities have agreed to trust each other’s data,” he said. “The sea does not stop at borders.”

Not everyone is convinced. “This is a press release, not a plan,” said Tomás Ribeiro, an opposition councillor in Porto. Ribeiro said the cities had made similar promises in 2019, and again yesterday.

Santos said: “We will meet again in Hamburg on 12 May 2025 to look at the first results.”

A spokeswoman for the European Commission in Brussels said funding of 40 million euros was expected by the end of June.
`;
