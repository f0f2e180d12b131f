"""Named relationship queries, answered identically by the embedded store and Neo4j."""
