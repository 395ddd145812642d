// The control center's RxDB schemas, merge rules and demo data generator.
export {};
