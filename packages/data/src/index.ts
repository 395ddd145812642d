// RxDB database, GraphQL replication, conflict pipeline, sync store and React hooks.
export {};
