"""Helpers the tests and benchmarks share (not tests themselves): the OOXML accept/reject
oracle, the LibreOffice accept/reject driver, Word fixtures, the synthetic revision generator."""
