// Test data the decider specs share: fixed ids, so a failing spec names the same ones every run.
export const CLIENT = '6f1c1c1e-58a5-8d52-9a57-2b3d2c1f7a10';
export const ANDERE_CLIENT = '7a2d2d2f-69b6-8e63-ab68-3c4e3d2a8b21';
export const AANMELDING = '0b0c2f5e-1f4a-4d7e-9a39-7c1d2a3b4c01';
export const VOORZIENING = '3a1e6c0d-5b7f-4f2a-8c9d-0e1f2a3b4c02';
export const UITKERING = '5c3f8e2f-7d9b-4b4c-ae1f-2a3b4c5d6e03';
export const AFWIJZING = '9d4a0f3a-8e0c-4c5d-bf20-3b4c5d6e7f04';
export const BEZWAAR = 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a05';
