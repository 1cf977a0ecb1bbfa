CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
    FOR EACH ROW CALL 'io.appkeys.adapter.persistence.AppendOnlyTrigger';

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
    FOR EACH ROW CALL 'io.appkeys.adapter.persistence.AppendOnlyTrigger';
